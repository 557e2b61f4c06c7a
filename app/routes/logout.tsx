import { redirect, type ActionFunctionArgs } from "@remix-run/node";

/** Ends this browser's login, or with `scope=everywhere` every login of its teacher; their host and projector sockets close. */
export async function action({ request, context }: ActionFunctionArgs) {
  const everywhere = (await request.formData()).get("scope") === "everywhere";
  const token = await context.cookies.loginToken(request.headers.get("Cookie"));
  if (token && everywhere) {
    const login = await context.logins.find(token);
    if (login) await context.logins.endAll(login.teacherId);
  } else if (token) {
    await context.logins.end(token);
  }
  throw redirect("/", { headers: { "Set-Cookie": await context.cookies.clearLogin() } });
}

export async function loader() {
  throw redirect("/");
}
