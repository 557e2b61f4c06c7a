import type { PackedScenario, Scenario } from "../../content/schema";

/** Marks a fact from none of the articles, in words, so it is never taken for evidence. */
export function OutsideMark() {
  return <span className="kind-tag outside-tag">Outside the articles</span>;
}

/** The motion as debaters need it: the year it is set in, what its words mean, what each side must show. */
export function MotionFrame({ frame, headingLevel = 3 }: { frame: Scenario["frame"]; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="motion-frame">
      <p>
        <strong>The debate is set in {frame.year}.</strong> Argue from what was known then.
      </p>
      <Heading>What the motion's words mean</Heading>
      <dl className="glossary">
        {frame.terms.map((t) => (
          <div key={t.term}>
            <dt>“{t.term}”</dt>
            <dd>{t.meaning}</dd>
          </div>
        ))}
      </dl>
      <Heading>What each side must show</Heading>
      <dl className="glossary">
        <div>
          <dt>For the motion</dt>
          <dd>{frame.burden.for}</dd>
        </div>
        <div>
          <dt>Against the motion</dt>
          <dd>{frame.burden.against}</dd>
        </div>
      </dl>
    </div>
  );
}

/** The pack's glossary; an entry that states facts from outside the articles says so. */
export function Glossary({ entries }: { entries: PackedScenario["glossary"] }) {
  return (
    <dl className="glossary">
      {entries.map((entry) => (
        <div key={entry.term}>
          <dt>
            {entry.term} {entry.outside ? <OutsideMark /> : null}
          </dt>
          <dd>{entry.definition}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A pack's text as paragraphs, split where the pack leaves a blank line. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
    </>
  );
}
