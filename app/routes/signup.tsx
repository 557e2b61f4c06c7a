import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/Field";
import { FormPage } from "~/components/FormPage";
import { useFormAnswer } from "~/lib/forms";
import { logInHeaders, optionalTeacher } from "~/lib/teacher.server";
import { PASSWORD_MIN_LENGTH } from "../../server/limits";

export const meta: MetaFunction = () => [{ title: "Create a teacher account · Rostrum" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await optionalTeacher(request, context)) throw redirect("/teacher");
  return { needsCode: context.accounts.signupNeedsCode };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const result = await context.accounts.signup(form, context.clientAddress);
  if (!result.ok) return { errors: result.errors, values: { name: String(form.name ?? ""), email: String(form.email ?? "") } };
  throw redirect("/teacher", { headers: await logInHeaders(request, context, result.teacherId) });
}

export default function Signup() {
  const { needsCode } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { errors, busy } = useFormAnswer(data);
  return (
    <FormPage
      title="Create a teacher account"
      formError={errors.form}
      after={
        <p>
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      }
    >
      <Field label="Your name" name="name" type="text" autoComplete="name" required maxLength={80} defaultValue={data?.values.name} error={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={data?.values.email} error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errors.password}
      />
      {needsCode ? (
        <Field
          label="Sign-up code"
          name="code"
          type="text"
          autoComplete="off"
          required
          hint="Your school gives teachers this code, so that only teachers can make accounts."
          error={errors.code}
        />
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? "Creating your account…" : "Create account"}
      </button>
    </FormPage>
  );
}
