import { redirect, type ActionFunctionArgs } from "@remix-run/node";

export async function action({ request, context }: ActionFunctionArgs) {
  throw redirect("/", { headers: { "Set-Cookie": await context.cookies.signOut(request.headers.get("Cookie")) } });
}

export async function loader() {
  throw redirect("/");
}
