import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import styles from "./styles.css?url";

const icon = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><path d="M9 25V7h8a5 5 0 0 1 0 10h-8m8 0 6 8" stroke="#fff" stroke-width="3" fill="none"/></svg>')}`;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: icon, type: "image/svg+xml" },
];
export const meta: MetaFunction = () => [{ title: "Rostrum" }];

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const [title, detail] = isRouteErrorResponse(error)
    ? [error.status === 404 ? "Page not found" : `Error ${error.status}`, typeof error.data === "string" ? error.data : error.statusText]
    : ["Something went wrong", "Please reload the page. If it keeps happening, tell your teacher."];
  return (
    <main id="main" className="page narrow">
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <a href="/">Back to the start page</a>
      </p>
    </main>
  );
}
