import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TopBar } from "~/components/TopBar";
import { startSessionFromForm } from "~/lib/startSession.server";
import { requireTeacher } from "~/lib/teacher.server";
import { CAPACITY } from "../../server/limits";

export const meta: MetaFunction = () => [{ title: "Your sessions · Rostrum" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  const [scenarios, sessions] = await Promise.all([context.live.scenarios.list(teacher.id), context.live.sessionsOf(teacher.id)]);
  return {
    teacher: { name: teacher.name },
    scenarios,
    sessions: await Promise.all(
      sessions.map(async (s) => {
        // The title of the version the session started with, as its record keeps it.
        const { title } = await context.live.scenarios.content(s.scenarioVersionId);
        return { id: s.id, code: s.code, status: s.status, createdAt: s.createdAt.toISOString(), title };
      }),
    ),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  return startSessionFromForm(await request.formData(), context, teacher.id);
}

const statusLabel = { lobby: "Lobby open", live: "Live", ended: "Ended" } as const;

export default function TeacherHome() {
  const { teacher, scenarios, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const starting = navigation.state !== "idle" ? navigation.formData?.get("scenarioId") : undefined;
  return (
    <>
      <TopBar teacher={teacher} />
      <main id="main" className="page">
        <h1>Your sessions</h1>
        {sessions.length === 0 ? (
          <p className="muted">No sessions yet. Start one from a scenario below.</p>
        ) : (
          <div className="panel">
            <table className="sessions">
              <caption className="visually-hidden">Sessions you have started</caption>
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  <th scope="col">Code</th>
                  <th scope="col">Status</th>
                  <th scope="col">Started</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/teacher/sessions/${s.id}`}>{s.title}</Link>
                    </td>
                    <td className="join-code">{s.code}</td>
                    <td>{statusLabel[s.status]}</td>
                    <td>{new Date(s.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</td>
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
