import { Form, Link } from "@remix-run/react";

export function TopBar({ teacher }: { teacher?: { name: string } }) {
  return (
    <header className="topbar">
      <Link to={teacher ? "/teacher" : "/"} className="brand">
        Rostrum
      </Link>
      {teacher ? (
        <span className="actions">
          <span className="muted">{teacher.name}</span>
          <Form method="post" action="/logout">
            <button type="submit" className="secondary small">
              Log out
            </button>
          </Form>
        </span>
      ) : (
        <nav className="actions" aria-label="Account">
          <Link to="/join">Join a session</Link>
          <Link to="/login">Teacher log in</Link>
        </nav>
      )}
    </header>
  );
}
