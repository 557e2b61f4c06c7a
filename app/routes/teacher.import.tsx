// Importing a scenario file: the same validation as `npm run content:check` (except the
// quote check, which needs the article texts), problems listed by field, and a valid file
// stored as the scenario's newest version.
import {
  MaxPartSizeExceededError,
  data,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormError } from "~/components/Field";
import { TopBar } from "~/components/TopBar";
import { useFocusFirstError } from "~/lib/forms";
import { requireTeacher } from "~/lib/teacher.server";
import { IMPORT_MAX_KB as MAX_KB } from "../../server/limits";

export const meta: MetaFunction = () => [{ title: "Import a scenario · Rostrum" }];

// The whole request is bounded before it gets here (server/http/bodyLimit.ts); each part is too.
const MAX_BYTES = MAX_KB * 1024;

const importForm = z.object({
  // A file input left empty still sends a part: a nameless, empty file from a browser, an
  // empty text part from some other clients.
  file: z
    .union([z.instanceof(File), z.string()])
    .optional()
    .transform((f) => (f instanceof File && (f.name || f.size) ? f : undefined)),
  text: z
    .string()
    .optional()
    .transform((t) => (t?.trim() ? t : undefined)),
});

type Errors = { file?: string; text?: string; form?: string };
type Problem = { field: string; message: string };
type ImportFailure = { errors: Errors; problems?: { checked: string; list: Problem[] }; text?: string };

const fail = (status: number, body: ImportFailure) => data(body, { status });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  return { teacher: { name: teacher.name } };
}

/** `label: path: message` back to its field and message, for the per-field list. */
function splitProblem(label: string, line: string): Problem {
  const rest = line.startsWith(`${label}: `) ? line.slice(label.length + 2) : line;
  const at = rest.indexOf(": ");
  return at < 0 ? { field: "(file)", message: rest } : { field: rest.slice(0, at), message: rest.slice(at + 2) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  const tooLarge = `The file is larger than ${MAX_KB} KB. A scenario pack is a text file of well under 100 KB: check that you chose the right file.`;
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_BYTES, filter: ({ name }) => name === "file" || name === "text" }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return fail(413, { errors: error.field === "text" ? { text: `The pasted text is longer than ${MAX_KB} KB.` } : { file: tooLarge } });
    }
    // Not multipart/form-data, or broken framing: not what this page's form sends. (The body is
    // already in memory, so reading it cannot fail for any other reason.)
    return fail(400, { errors: { form: "Please use the form on this page to send the scenario." } });
  }

  const fields = importForm.safeParse({ file: form.get("file") ?? undefined, text: form.get("text") ?? undefined });
  if (!fields.success) return fail(400, { errors: { form: "Please use the form on this page to send the scenario." } });
  const { file, text } = fields.data;
  if (file && text) return fail(400, { errors: { form: "Use either a file or pasted text, not both: clear one of them." }, text });
  if (!file && !text) return fail(400, { errors: { form: "Choose a scenario file, or paste the scenario's text." } });
  if (file && !/\.ya?ml$/i.test(file.name)) {
    return fail(400, { errors: { file: `"${file.name}" is not a YAML file. Choose a scenario pack ending in .yaml or .yml.` } });
  }
  if (file && file.size === 0) return fail(400, { errors: { file: `"${file.name}" is empty.` } });

  const label = file ? file.name : "pasted text";
  const result = await context.live.scenarios.importPack(label, file ? await file.text() : text!, teacher.id);
  if (!result.ok) {
    const problems = { checked: label, list: result.problems.map((line) => splitProblem(label, line)) };
    return fail(400, { errors: file ? { file: "This file has problems; see the list above." } : { text: "This text has problems; see the list above." }, problems, text });
  }
  throw redirect(`/teacher/scenarios/${result.scenarioId}?${result.unchanged ? "unchanged" : "imported"}=${result.version}`);
}

export default function ImportScenario() {
  const { teacher } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useFocusFirstError(result);
  const busy = useNavigation().state === "submitting";
  const errors: Errors = result?.errors ?? {};
  const problems = result?.problems;
  const describedBy = (field: "file" | "text", hint?: string) =>
    [hint, errors[field] && `import-${field}-error`, errors[field] && problems && "import-problems"].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <TopBar teacher={teacher} />
      <main id="main" className="page import-page">
        <p className="actions">
          <Link to="/teacher">All scenarios and sessions</Link>
        </p>
        <h1>Import a scenario</h1>
        <p>
          A scenario file is a pack written in YAML, in the format of the scenarios that come with Rostrum (the project's{" "}
          <code>content/README.md</code> explains every field). It is checked with the same rules as those packs before it is stored.
          A file with the id of a scenario already in the library becomes that scenario's newest version; sessions already started
          keep the version they began with.
        </p>

        {problems ? (
          <div className="panel import-problems" id="import-problems" role="alert">
            <h2>
              {problems.list.length === 1 ? "1 problem" : `${problems.list.length} problems`} in {problems.checked}: nothing was imported
            </h2>
            <p className="muted">
              Each line names the field, counting list items from 0: <code>quiz.2.answer</code> is the answer of the third quiz question.
            </p>
            <ul>
              {problems.list.map((p, i) => (
                <li key={i}>
                  <code>{p.field}</code>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <Form method="post" encType="multipart/form-data" className="panel import-form" noValidate>
          <FormError message={errors.form} />
          <div className="field">
            <label htmlFor="import-file">Scenario file</label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".yaml,.yml"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={describedBy("file", "import-file-hint")}
            />
            <p className="hint" id="import-file-hint">
              A .yaml or .yml file, up to {MAX_KB} KB.
            </p>
            {errors.file ? (
              <p className="field-error" id="import-file-error" role={problems ? undefined : "alert"}>
                {errors.file}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="import-text">Or paste the scenario's text</label>
            <textarea
              id="import-text"
              name="text"
              rows={12}
              spellCheck={false}
              autoCapitalize="off"
              defaultValue={result?.text}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={describedBy("text")}
            />
            {errors.text ? (
              <p className="field-error" id="import-text-error" role={problems ? undefined : "alert"}>
                {errors.text}
              </p>
            ) : null}
          </div>
          <button type="submit" disabled={busy}>
            {busy ? "Checking…" : "Check and import"}
          </button>
        </Form>
      </main>
    </>
  );
}
