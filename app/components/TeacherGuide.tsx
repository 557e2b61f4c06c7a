import type { Scenario } from "../../content/schema";
import { OutsideMark, Paragraphs } from "./MotionFrame";

/** The pack's advice to the teacher running it, and its notes on the sources. */
export function TeacherGuide({ guide }: { guide: Scenario["guide"] }) {
  return (
    <section aria-labelledby="guide" className="panel teacher-guide">
      <h2 id="guide">Teacher's guide</h2>
      <h3>Splitting the class into sides</h3>
      <Paragraphs text={guide.sides} />
      <h3>Points of information and crossfire</h3>
      <Paragraphs text={guide.speaking} />
      <h3>Discussing real, living politicians fairly</h3>
      <Paragraphs text={guide.fairness} />
      {guide.notes.length ? (
        <>
          <h3>Notes on the sources</h3>
          <ul>
            {guide.notes.map((note, i) => (
              <li key={i}>
                {note.outside ? (
                  <>
                    <OutsideMark />{" "}
                  </>
                ) : null}
                {note.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
