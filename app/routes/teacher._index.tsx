import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { SessionDate, sessionStatusLabel } from "~/components/SessionDate";
import { TopBar } from "~/components/TopBar";
import { startSessionFromForm } from "~/lib/startSession.server";
import { requireTeacher } from "~/lib/teacher.server";
import { CAPACITY } from "../../server/limits";

export const meta: MetaFunction = () => [{ title: "Your sessions · Rostrum" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  const [scenarios, sessions] = await Promise.all([context.live.scenarios.list(teacher.id), context.live.sessionsOf(teacher.id)]);
  // The title of the version each session started with, as its record keeps it: each version read
  // once (the library keeps it in memory), however many sessions ran it.
  const versionIds = [...new Set(sessions.map((s) => s.scenarioVersionId))];
  const titles = new Map(await Promise.all(versionIds.map(async (id) => [id, (await context.live.scenarios.content(id)).title] as const)));
  return {
    teacher: { name: teacher.name },
    scenarios,
    deleted: new URL(request.url).searchParams.has("deleted"),
    sessions: sessions.map((s) => ({
      id: s.id,
      code: s.code,
      status: s.status,
      title: titles.get(s.scenarioVersionId) ?? "",
      createdAt: s.createdAt.toISOString(),
      endedAt: s.endedAt?.toISOString() ?? null,
      students: s.students,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  return startSessionFromForm(await request.formData(), context, teacher.id);
}

export default function TeacherHome() {
  const { teacher, scenarios, sessions, deleted } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const starting = navigation.state !== "idle" ? navigation.formData?.get("scenarioId") : undefined;
  // Arriving from the confirmation page: the outcome is read out first.
  const deletedNotice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (deleted) deletedNotice.current?.focus();
  }, [deleted]);
  return (
    <>
      <TopBar teacher={teacher} />
      <main id="main" className="page">
        <h1>Your sessions</h1>
        {deleted ? (
          <p ref={deletedNotice} tabIndex={-1} role="status" className="banner note">
            The session was deleted, with everything its students wrote, voted and answered.
          </p>
        ) : null}
        {sessions.length === 0 ? (
          <p className="muted">No sessions yet. Start one from a scenario below.</p>
        ) : (
          <div className="panel table-scroll">
            <table className="sessions">
              <caption className="visually-hidden">Your sessions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  <th scope="col">Open</th>
                  <th scope="col">Status</th>
                  <th scope="col">Started</th>
                  <th scope="col">Ended</th>
                  <th scope="col">Students</th>
                  <th scope="col">Code</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.title}</th>
                    <td>
                      <span className="actions session-links">
                        <SessionLink to={`/teacher/sessions/${s.id}`} label="Console" code={s.code} />
                        <SessionLink to={`/teacher/sessions/${s.id}/review`} label="Review" code={s.code} />
                        <SessionLink to={`/teacher/sessions/${s.id}/delete?from=list`} label="Delete…" code={s.code} />
                      </span>
                    </td>
                    <td>{sessionStatusLabel[s.status]}</td>
                    <td>
                      <SessionDate iso={s.createdAt} />
                    </td>
                    <td>{s.endedAt ? <SessionDate iso={s.endedAt} /> : <span className="muted">Not ended</span>}</td>
                    <td>{s.students}</td>
                    <td className="join-code">{s.code}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h2>Scenario library</h2>
        <p className="actions">
          <Link to="/teacher/import">Import a scenario file</Link>
        </p>
        {result?.error && !result.scenarioId ? (
          <p className="form-error" role="alert">
            {result.error}
          </p>
        ) : null}
        <div className="grid">
          {scenarios.map((s) => (
            <section key={s.id} className="panel" aria-labelledby={`scenario-${s.id}`}>
              <h3 id={`scenario-${s.id}`}>{s.title}</h3>
              <p>
                <strong>Motion:</strong> {s.motion}
              </p>
              <p className="muted">
                {s.level} · about {s.durationMinutes} minutes · {s.imported ? `your import, version ${s.version}` : `version ${s.version}`}
              </p>
              <p>
                <strong>Sides:</strong> {s.sides.map((x) => x.name).join("; ")}
              </p>
              <Form method="post" className="actions">
                <input type="hidden" name="scenarioId" value={s.id} />
                <label htmlFor={`capacity-${s.id}`} className="visually-hidden">
                  Class size for {s.title}
                </label>
                <span className="muted" aria-hidden="true">
                  Class size
                </span>
                <input id={`capacity-${s.id}`} name="capacity" type="number" min={1} max={CAPACITY.max} defaultValue={CAPACITY.default} style={{ width: "5.5rem" }} />
                <button type="submit" disabled={starting === s.id}>
                  {starting === s.id ? "Starting…" : "Start a session"}
                </button>
                <Link to={`/teacher/scenarios/${s.id}`}>Preview</Link>
              </Form>
              {result?.error && result.scenarioId === s.id ? (
                <p className="form-error" role="alert">
                  {result.error}
                </p>
              ) : null}
            </section>
          ))}
        </div>

        <section className="panel" aria-labelledby="logins-heading">
          <h2 id="logins-heading">Your logins</h2>
          <p id="logins-hint" className="muted">
            Logged in on a classroom computer and forgot to log out? This logs you out on every computer and phone, this one too, and
            closes any console or projector they have open.
          </p>
          <Form method="post" action="/logout">
            <button type="submit" name="scope" value="everywhere" className="secondary" aria-describedby="logins-hint">
              Log out everywhere
            </button>
          </Form>
        </section>
      </main>
    </>
  );
}

/** One of a row's links; its hidden end says which session, for a screen reader's list of links. */
function SessionLink({ to, label, code }: { to: string; label: string; code: string }) {
  return (
    <Link to={to}>
      {label}
      <span className="visually-hidden"> for session {code}</span>
    </Link>
  );
}
