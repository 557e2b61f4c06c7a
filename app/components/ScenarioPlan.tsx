import { caseOf, floorTime, minutes, planSeconds, shortPlanOf } from "../../content/plans";
import type { PackedScenario } from "../../content/schema";
import { pollKindLabel, pollWhenLabel } from "~/lib/polls";

export const roundKindLabel = {
  prep: "Preparation",
  opening: "Opening",
  rebuttal: "Rebuttal",
  crossfire: "Crossfire",
  closing: "Closing",
  poll: "Poll",
  quiz: "Quiz",
} as const;


type Rounds = PackedScenario["rounds"];

/** How long the cases for and against the motion speak in a plan: the pack's rule is that they match. */
function FloorTime({ rounds, sides }: { rounds: Rounds; sides: PackedScenario["sides"] }) {
  const floor = floorTime(rounds, sides);
  // Only versions stored before sides leaned have a mixed side that argues neither case.
  const neither = sides.filter((s) => caseOf(s) === null).reduce((sum, s) => sum + (floor.perSide.get(s.id) ?? 0), 0);
  return (
    <p>
      <strong>Floor time:</strong> the case for the motion speaks {minutes(floor.for)}, the case against {minutes(floor.against)}
      {neither > 0 ? `, and sides with a mixed view that lean neither way ${minutes(neither)}` : ""}.
    </p>
  );
}

/** The running order with default times (and the short plan's), then the polls the rounds refer to. */
export function ScenarioPlan({ scenario }: { scenario: PackedScenario }) {
  const polls = new Map(scenario.polls.map((p) => [p.id, p]));
  const total = (rounds: Rounds) => minutes(planSeconds(rounds));
  const short = shortPlanOf(scenario.rounds);
  return (
    <>
      <section aria-labelledby="round-plan">
        <h2 id="round-plan">Round plan</h2>
        <p className="muted">
          {scenario.rounds.length} rounds, {total(scenario.rounds)} in all by default.
        </p>
        <FloorTime rounds={scenario.rounds} sides={scenario.sides} />
        <PlanRounds scenario={scenario} rounds={scenario.rounds} polls={polls} />
        {short.length ? (
          <>
            <h3 id="short-plan">Short plan for one class period</h3>
            <p className="muted">
              {short.length} rounds, {total(short)} in all.
            </p>
            <FloorTime rounds={short} sides={scenario.sides} />
            <PlanRounds scenario={scenario} rounds={short} polls={polls} />
          </>
        ) : null}
      </section>
      <section aria-labelledby="polls">
        <h2 id="polls">Polls</h2>
        <ul className="panel poll-list">
          {scenario.polls.map((poll) => (
            <li key={poll.id}>
              <strong>{poll.prompt}</strong>
              <p className="muted">
                {pollWhenLabel[poll.when]} ·{" "}
                {poll.kind === "motion" && poll.scale ? "Agreement from 1 to 5 with the motion" : pollKindLabel[poll.kind]}
              </p>
              {poll.options ? (
                <ul>
                  {poll.options.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function PlanRounds({
  scenario,
  rounds,
  polls,
}: {
  scenario: PackedScenario;
  rounds: Rounds;
  polls: Map<string, PackedScenario["polls"][number]>;
}) {
  const sideNames = new Map(scenario.sides.map((s) => [s.id, s.name]));
  return (
    <ol className="panel round-plan">
      {rounds.map((round, i) => (
        <li key={i}>
          <strong>{round.title}</strong>
          <p>
            <span className="kind-tag">{roundKindLabel[round.kind]}</span> {minutes(round.seconds)}
          </p>
          {round.sides.length ? <p className="muted">Speaking: {round.sides.map((id) => sideNames.get(id) ?? id).join(", ")}</p> : null}
          {round.poll ? <p className="muted">Runs the poll: {polls.get(round.poll)?.prompt ?? round.poll}</p> : null}
          {round.questions ? <p className="muted">Asks {round.questions} quiz questions</p> : null}
        </li>
      ))}
    </ol>
  );
}
