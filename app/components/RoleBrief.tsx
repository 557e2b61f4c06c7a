import type { Side } from "../../content/schema";

type Brief = Side["brief"];

const words = {
  student: { interests: "What you care about", talking: "Talking points", attacks: "Expect these attacks", answer: "How you might answer:" },
  teacher: { interests: "What they care about", talking: "Talking points", attacks: "Attacks to expect, and how they might answer", answer: "" },
} as const;

/**
 * A side's private role brief: its interests, talking points and the attacks to expect. The one
 * rendering of a brief, for the student who holds it and the teacher who previews it; only the
 * voice ("you" or "they") and the heading level differ.
 */
export function RoleBrief({ brief, audience, level }: { brief: Brief; audience: keyof typeof words; level: 3 | 5 }) {
  const Heading = `h${level}` as "h3" | "h5";
  const w = words[audience];
  return (
    <div className="role-brief">
      <Heading>{w.interests}</Heading>
      <ul>
        {brief.interests.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
      <Heading>{w.talking}</Heading>
      <ol>
        {brief.talkingPoints.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ol>
      <Heading>{w.attacks}</Heading>
      <ul>
        {brief.expectedAttacks.map((x) => (
          <li key={x.attack}>
            <strong>{x.attack}</strong>
            <br />
            <span>
              {w.answer ? `${w.answer} ` : ""}
              {x.response}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
