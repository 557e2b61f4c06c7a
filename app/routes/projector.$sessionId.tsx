import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ClosedNotice } from "~/components/ClosedNotice";
import { ConnectionStatus } from "~/components/ConnectionStatus";
import { ProjectorStage } from "~/components/ProjectorStage";
import { joinDetails } from "~/lib/join.server";
import { useLiveView } from "~/lib/live";
import { useStage } from "~/lib/stage";
import { orNotFound } from "~/lib/live.server";
import { sessionIdParam } from "~/lib/params.server";
import { requireTeacher } from "~/lib/teacher.server";
import type { ProjectorView } from "../../server/live/views/types";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Join ${data.view.session.code} · Rostrum` : "Rostrum" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  const session = await orNotFound(context.live.hostedSession(teacher.id, sessionIdParam(params)));
  return {
    sessionId: session.id,
    view: await context.live.projectorView(session.id),
    ...(await joinDetails(request, context.publicUrl, session.code)),
  };
}

/** The big screen: how to join, and who is on which side, readable from the back of the room. */
export default function Projector() {
  const data = useLoaderData<typeof loader>();
  const { view, connection, refusal, offsetMs } = useLiveView<ProjectorView>({ role: "projector", sessionId: data.sessionId }, data.view);
  // Once rounds, polls or questions run they take the screen; joining stays possible from a small corner.
  const debating = view.debate.plan.some((p) => p.roundId) || view.polls.current !== null || view.quiz.question !== null || view.quiz.podium !== null;
  const stage = useStage(view);
  // A scoreboard, a poll or a quiz needs the whole wall (a projector cannot scroll): the join corner makes way.
  const full = debating && (stage !== "round" || view.debate.scoreboard !== null);
  return (
    <main id="main" className={`projector${debating ? " debating" : ""}${full ? " full-wall" : ""}`}>
      <ClosedNotice connection={connection} refusal={refusal} />
      <h1>{view.scenario.title}</h1>
      <p className="motion">
        <strong>Motion:</strong> {view.scenario.motion}
      </p>
      {debating ? <ProjectorStage view={view} stage={stage} offsetMs={offsetMs} /> : null}
      <div className="stage">
        {view.session.status === "ended" ? (
          <p className="join" role="status">
            This session has ended.
          </p>
        ) : (
          <section className="join" aria-label="How to join">
            <p>Join with the code</p>
            <p className="join-code" aria-label={`Join code ${view.session.code.split("").join(" ")}`}>
              {view.session.code}
            </p>
            <div className="qr" role="img" aria-label={`QR code for ${data.joinUrl}`} dangerouslySetInnerHTML={{ __html: data.qrSvg }} />
            <p className="url">{data.joinUrl}</p>
          </section>
        )}
        <div>
          <p className="count" aria-live="polite">
            <strong>{view.total}</strong> {view.total === 1 ? "student has" : "students have"} joined{view.session.sidesLocked ? " · sides are locked" : ""}
          </p>
          <div className="sides">
            {view.sides.map((side) => (
              <section className="side" key={side.id} aria-labelledby={`p-${side.id}`}>
                <h2 id={`p-${side.id}`}>
                  {side.name} ({side.members.length})
                </h2>
                <ul>
                  {side.members.map((name) => (
                    <li key={name} className="person-name">
                      {name}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
            {view.unassigned.length > 0 ? (
              <section className="side" aria-labelledby="p-unassigned">
                <h2 id="p-unassigned">Waiting for a side ({view.unassigned.length})</h2>
                <ul>
                  {view.unassigned.map((name) => (
                    <li key={name} className="person-name">
                      {name}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </div>
        </div>
      </div>
      <p style={{ marginTop: "1vw", fontSize: "1.2vw" }}>
        <ConnectionStatus connection={connection} />
      </p>
    </main>
  );
}
