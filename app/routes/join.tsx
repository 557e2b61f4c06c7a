import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/Field";
import { FormPage } from "~/components/FormPage";
import { useFormAnswer } from "~/lib/forms";
import { guessCode } from "~/lib/codeGuesses.server";
import { isLiveError } from "../../server/live/errors";
import { NAME_MAX_LENGTH } from "../../server/limits";

export const meta: MetaFunction = () => [{ title: "Join a session · Rostrum" }];

/** Someone who already has a seat in this session goes straight back to it (a rescan, a double tap). */
async function returnToSeat(request: Request, context: AppLoadContext, code: string) {
  const session = await context.live.sessionByCode(code).catch(() => undefined);
  const token = session && (await context.cookies.seatToken(request.headers.get("Cookie"), session.id));
  const seat = token ? await context.live.seatByToken(token).catch(() => undefined) : undefined;
  if (seat && !seat.participant.removedAt) throw redirect(`/play/${seat.session.code}`);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code") ?? "";
  if (code) await returnToSeat(request, context, code);
  return { code, joinId: crypto.randomUUID() };
}

const joinForm = z.object({
  code: z.string().max(40).default(""),
  name: z.string().max(200).default(""),
  joinId: z.uuid().optional().catch(undefined),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = joinForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return { errors: { form: "Please fill in the code and your name." }, name: "" };
  const { code, name, joinId } = form.data;
  await returnToSeat(request, context, code);
  try {
    const { session, token } = await guessCode(context.clientAddress, () => context.live.joinSession(code, name, joinId));
    const cookie = await context.cookies.addSeat(request.headers.get("Cookie"), session.id, token);
    throw redirect(`/play/${session.code}`, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!isLiveError(error)) throw error;
    const field = error.field === "name" || error.field === "code" ? error.field : "form";
    const errors = { [field]: error.message } as { code?: string; name?: string; form?: string };
    return data({ errors, name }, { status: error.code === "rate_limited" ? 429 : 200 });
  }
}

export default function Join() {
  const { code, joinId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { errors, busy } = useFormAnswer(data);
  return (
    <FormPage title="Join a session" formError={errors.form}>
      <input type="hidden" name="joinId" value={joinId} />
      <Field
        label="Join code"
        name="code"
        type="text"
        className="code-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        inputMode="text"
        required
        maxLength={12}
        defaultValue={code}
        hint="6 letters and digits, shown by your teacher."
        error={errors.code}
      />
      <Field
        label="Your name"
        name="name"
        type="text"
        autoComplete="nickname"
        required
        maxLength={NAME_MAX_LENGTH}
        defaultValue={data?.name}
        hint="The name your class will see. No account needed."
        error={errors.name}
        autoFocus={Boolean(code)}
      />
      <button type="submit" disabled={busy}>
        {busy ? "Joining…" : "Join"}
      </button>
    </FormPage>
  );
}
