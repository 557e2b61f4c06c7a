import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { Field } from "~/components/Field";
import { FormPage } from "~/components/FormPage";
import { useFormAnswer } from "~/lib/forms";
import { logInHeaders, optionalTeacher, safeNext } from "~/lib/teacher.server";

export const meta: MetaFunction = () => [{ title: "Teacher log in · Rostrum" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await optionalTeacher(request, context)) throw redirect(safeNext(new URL(request.url).searchParams.get("next")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const devices = await context.cookies.devices(request.headers.get("Cookie"));
  const result = await context.accounts.login(form, { address: context.clientAddress, devices });
  if (!result.ok) return { errors: result.errors, email: String(form.email ?? "") };
  throw redirect(safeNext(form.next), { headers: await logInHeaders(request, context, result.teacherId) });
}

export default function Login() {
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { errors, busy } = useFormAnswer(data);
  return (
    <FormPage
      title="Teacher log in"
      formError={errors.form}
      after={
        <p>
          New to Rostrum? <Link to="/signup">Create an account</Link>
        </p>
      }
    >
      <input type="hidden" name="next" value={params.get("next") ?? "/teacher"} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={data?.email} error={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
      <button type="submit" disabled={busy}>
        {busy ? "Logging in…" : "Log in"}
      </button>
    </FormPage>
  );
}
