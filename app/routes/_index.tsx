import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TopBar } from "~/components/TopBar";
import { optionalTeacher } from "~/lib/teacher.server";

export const meta: MetaFunction = () => [{ title: "Rostrum: live classroom debates" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const teacher = await optionalTeacher(request, context);
  return { teacher: teacher ? { name: teacher.name } : undefined };
}

export default function Index() {
  const { teacher } = useLoaderData<typeof loader>();
  return (
    <>
      <TopBar teacher={teacher} />
      <main id="main" className="page narrow">
        <h1>Rostrum</h1>
        <p>Live classroom debates and quizzes built from real news articles. Students join from their phones with a code: no account needed.</p>
        <div className="panel">
          <h2>Student?</h2>
          <p>Your teacher shows a join code or a QR code.</p>
          <Link className="button" to="/join">
            Join a session
          </Link>
        </div>
        <div className="panel">
          <h2>Teacher?</h2>
          {teacher ? (
            <Link className="button" to="/teacher">
              Go to your sessions
            </Link>
          ) : (
            <p className="actions">
              <Link className="button" to="/login">
                Log in
              </Link>
              <Link className="button secondary" to="/signup">
                Create an account
              </Link>
            </p>
          )}
        </div>
      </main>
    </>
  );
}
