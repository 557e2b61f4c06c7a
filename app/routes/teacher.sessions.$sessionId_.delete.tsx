// Deleting a session: a confirmation page that says what goes, then a form post that deletes it
// for good. `$sessionId_` keeps this page out of the console's layout (the URL is the same).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { SessionDate, sessionStatusLabel } from "~/components/SessionDate";
import { TopBar } from "~/components/TopBar";
import { orNotFound } from "~/lib/live.server";
import { sessionIdParam } from "~/lib/params.server";
import { requireTeacher } from "~/lib/teacher.server";
import { plural } from "~/lib/words";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Delete ${data.code}? · Rostrum` : "Rostrum" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  const summary = await orNotFound(context.live.deletionSummary(teacher.id, sessionIdParam(params)));
  const { session } = summary;
  // Cancel goes back to where the teacher came from: the list of sessions, or the console.
  const fromList = new URL(request.url).searchParams.get("from") === "list";
  return {
    teacher: { name: teacher.name },
    id: session.id,
    code: session.code,
    status: session.status,
    createdAt: session.createdAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    title: summary.title,
    students: summary.students,
    arguments: summary.arguments,
    votes: summary.votes,
    answers: summary.answers,
    back: fromList ? "/teacher" : `/teacher/sessions/${session.id}`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  await orNotFound(context.live.deleteSession(teacher.id, sessionIdParam(params)));
  throw redirect("/teacher?deleted=1");
}

export default function DeleteSession() {
  const data = useLoaderData<typeof loader>();
  const deleting = useNavigation().state === "submitting";
  return (
    <>
      <TopBar teacher={data.teacher} />
      <main id="main" className="page narrow">
        <h1>Delete this session?</h1>
        <div className="panel">
          <h2 style={{ marginTop: 0 }}>{data.title}</h2>
          <p>
            Join code <span className="join-code">{data.code}</span> · {sessionStatusLabel[data.status]}
            <br />
            Started <SessionDate iso={data.createdAt} />
            {data.endedAt ? (
              <>
                , ended <SessionDate iso={data.endedAt} />
              </>
            ) : null}
          </p>
          <p>Deleting it removes from the database, for good:</p>
          <ul className="delete-summary">
            <li>{plural(data.students, "student")} and their names</li>
            <li>{plural(data.arguments, "argument")} (speeches, crossfire questions and answers)</li>
            <li>{plural(data.votes, "vote")} (in polls and for the most persuasive argument)</li>
            <li>{plural(data.answers, "quiz answer")}</li>
            <li>every round, poll, quiz question, ballot, challenge and request to rejoin, and the standings</li>
          </ul>
          <p className="banner warn">
            <strong>This cannot be undone.</strong>{" "}
            {data.status === "ended"
              ? "Nothing of this session can be reviewed or exported afterwards."
              : "The session is still open: every student's phone, the projector and any open console of it are disconnected, and nothing of it can be reviewed afterwards."}
          </p>
          <Form method="post" className="actions">
            <button type="submit" className="danger" disabled={deleting}>
              {deleting ? "Deleting…" : "Delete permanently"}
            </button>
            <Link to={data.back}>Cancel</Link>
          </Form>
        </div>
      </main>
    </>
  );
}
