// A teacher's full preview of a scenario's latest version: everything students and the
// projector will get, with the answers, and the form to start a session from it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/Field";
import { Glossary, MotionFrame, Paragraphs } from "~/components/MotionFrame";
import { PlanChoice } from "~/components/PlanChoice";
import { RubricTable } from "~/components/RubricTable";
import { TeacherGuide } from "~/components/TeacherGuide";
import { z } from "zod";
import { ScenarioPlan } from "~/components/ScenarioPlan";
import { ScenarioQuiz } from "~/components/ScenarioQuiz";
import { ScenarioSide } from "~/components/ScenarioSide";
import { TopBar } from "~/components/TopBar";
import { sourceTypeLabel } from "~/lib/content";
import { startSessionFromForm } from "~/lib/startSession.server";
import { requireTeacher } from "~/lib/teacher.server";
import { CAPACITY } from "../../server/limits";
import { sideCards } from "../../server/live/views/cards";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scenario.title} · Preview · Rostrum` : "Scenario not found · Rostrum" },
];

// Set by the import page's redirect: which version an import stored, or which one it matched.
const noticeParams = z.object({
  imported: z.coerce.number().int().positive().optional(),
  unchanged: z.coerce.number().int().positive().optional(),
});

function importNotice(url: URL, version: number) {
  const query = noticeParams.safeParse(Object.fromEntries(url.searchParams));
  // A stale link (a newer version has been stored since) gets no notice rather than a wrong one.
  if (!query.success) return undefined;
  if (query.data.imported === version) return `Imported as version ${version}. Sessions already started keep the version they began with.`;
  if (query.data.unchanged === version) return `This file is the same as version ${version}, already in the library, so no new version was stored.`;
  return undefined;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  const row = await context.live.scenarios.latest(params.scenarioId!, teacher.id);
  if (!row) throw new Response(`There is no scenario "${params.scenarioId}" in the library.`, { status: 404 });
  return {
    teacher: { name: teacher.name },
    version: row.version,
    versionId: row.id,
    imported: row.ownerId !== null,
    storedAt: row.createdAt.toISOString(),
    notice: importNotice(new URL(request.url), row.version),
    scenario: row.content,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  return startSessionFromForm(await request.formData(), context, teacher.id);
}

export default function ScenarioPreview() {
  const { teacher, version, versionId, imported, storedAt, notice, scenario } = useLoaderData<typeof loader>();
  const starting = useNavigation().state === "submitting";
  const failure = useActionData<typeof action>();
  const stored = new Date(storedAt).toLocaleDateString("en-GB", { dateStyle: "medium" });
  return (
    <>
      <TopBar teacher={teacher} />
      <main id="main" className="page scenario-preview">
        <p className="actions">
          <Link to="/teacher">All scenarios and sessions</Link>
        </p>
        {notice ? (
          <p className="banner note" role="status">
            {notice}
          </p>
        ) : null}
        <h1>{scenario.title}</h1>
        <p className="motion">
          <strong>Motion:</strong> {scenario.motion}
        </p>
        <p className="muted">
          {scenario.level} · about {scenario.durationMinutes} minutes · {scenario.sides.length} sides · {scenario.quiz.length} quiz
          questions · version {version}, {imported ? "your import" : "bundled with Rostrum"} {stored}
        </p>

        <Form method="post" className="panel start-session" noValidate>
          <FormError message={failure?.error} />
          <input type="hidden" name="scenarioId" value={scenario.id} />
          <input type="hidden" name="versionId" value={versionId} />
          <div className="field">
            <label htmlFor="capacity">Class size</label>
            <input
              id="capacity"
              name="capacity"
              type="number"
              inputMode="numeric"
              min={1}
              max={CAPACITY.max}
              defaultValue={CAPACITY.default}
              required
              aria-describedby="capacity-hint"
            />
            <p className="hint" id="capacity-hint">
              How many students can join, up to {CAPACITY.max}.
            </p>
          </div>
          <PlanChoice scenario={scenario} />
          <button type="submit" disabled={starting}>
            {starting ? "Starting…" : "Start a session"}
          </button>
        </Form>

        <nav aria-label="On this page" className="toc">
          {scenario.frame ? <a href="#the-motion">The motion</a> : null}
          <a href="#background">Background</a>
          {scenario.guide ? <a href="#guide">Teacher's guide</a> : null}
          <a href="#sides">Sides</a>
          <a href="#round-plan">Round plan</a>
          <a href="#polls">Polls</a>
          <a href="#quiz">Quiz</a>
          <a href="#sources">Sources and rubric</a>
        </nav>

        {/* Versions stored before packs framed the motion and had a guide show neither. */}
        {scenario.frame ? (
          <section aria-labelledby="the-motion" className="panel">
            <h2 id="the-motion">The motion</h2>
            <MotionFrame frame={scenario.frame} />
          </section>
        ) : null}

        <section aria-labelledby="background" className="panel">
          <h2 id="background">Background</h2>
          <Paragraphs text={scenario.background} />
          <h3>Learning goals</h3>
          <ul>
            {scenario.learningGoals.map((goal) => (
              <li key={goal}>{goal}</li>
            ))}
          </ul>
          <h3>Glossary</h3>
          <Glossary entries={scenario.glossary} />
        </section>

        {scenario.guide ? <TeacherGuide guide={scenario.guide} /> : null}

        <section aria-labelledby="sides">
          <h2 id="sides">Sides</h2>
          <div className="scenario-sides">
            {scenario.sides.map((side) => (
              <ScenarioSide key={side.id} side={side} cards={sideCards(scenario, side)} />
            ))}
          </div>
        </section>

        <ScenarioPlan scenario={scenario} />

        <section aria-labelledby="quiz">
          <h2 id="quiz">Quiz ({scenario.quiz.length} questions)</h2>
          <ScenarioQuiz scenario={scenario} />
        </section>

        <section aria-labelledby="sources" className="panel">
          <h2 id="sources">Sources and rubric</h2>
          <ul>
            {scenario.sources.map((s) => (
              <li key={s.id}>
                <cite>{s.title}</cite>, {s.outlet}
                {s.author ? `, ${s.author}` : ""}. {s.period}. {s.type ? <span className="kind-tag">{sourceTypeLabel[s.type]}</span> : null}
              </li>
            ))}
          </ul>
          <h3>Scoring rubric</h3>
          <RubricTable rubric={scenario.rubric} />
        </section>
      </main>
    </>
  );
}
