import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { ClosedNotice } from "~/components/ClosedNotice";
import { ConnectionStatus } from "~/components/ConnectionStatus";
import { PollsPanel } from "~/components/PollsPanel";
import { QuizPanel } from "~/components/QuizPanel";
import { RejoinRequests } from "~/components/RejoinRequests";
import { DatabaseBanner } from "~/components/DatabaseBanner";
import { ArgumentsPanel } from "~/components/ArgumentsPanel";
import { ChallengesPanel } from "~/components/ChallengesPanel";
import { DebateSettings } from "~/components/DebateSettings";
import { Roster } from "~/components/Roster";
import { RoundControls } from "~/components/RoundControls";
import { Scoreboard } from "~/components/Scoreboard";
import { TopBar } from "~/components/TopBar";
import { joinDetails } from "~/lib/join.server";
import { useLiveView, type Run } from "~/lib/live";
import { orNotFound } from "~/lib/live.server";
import { sessionIdParam } from "~/lib/params.server";
import { requireTeacher } from "~/lib/teacher.server";
import type { HostView } from "../../server/live/views/types";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.session.code} · Console · Rostrum` : "Rostrum" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  const session = await orNotFound(context.live.hostedSession(teacher.id, sessionIdParam(params)));
  const view = await context.live.hostView(session.id);
  return {
    teacher: { name: teacher.name },
    view,
    ...(await joinDetails(request, context.publicUrl, session.code)),
  };
}

export default function Console() {
  const data = useLoaderData<typeof loader>();
  const { view, connection, refusal, database, send, offsetMs } = useLiveView<HostView>({ role: "host", sessionId: data.view.session.id }, data.view);
  const [busy, setBusy] = useState(false);
  // A moved student's row re-renders under their new side: keep keyboard focus with them.
  const [follow, setFollow] = useState<{ id: string; sideId: string | null }>();
  useEffect(() => {
    if (!follow || !view.participants.some((p) => p.id === follow.id && p.sideId === follow.sideId)) return;
    document.getElementById(`side-${follow.id}`)?.focus();
    setFollow(undefined);
  }, [view, follow]);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const focusStatus = useCallback(() => document.getElementById("console-status")?.focus(), []);
  const ended = view.session.status === "ended";
  const online = view.participants.filter((p) => p.online).length;

  // Controls stay enabled while a command runs (disabling the focused one would drop keyboard
  // focus); a second press meanwhile is ignored.
  const run: Run = async (work, done) => {
    if (busy) return;
    setBusy(true);
    const result = await work();
    setBusy(false);
    setMessage(result.ok ? (done ? { text: done, error: false } : undefined) : { text: result.error!.message, error: true });
  };
  const debating = view.debate.plan.some((p) => p.roundId);

  return (
    <>
      <TopBar teacher={data.teacher} />
      <main id="main" className="page">
        <p className="actions">
          <ConnectionStatus connection={connection} />
          <Link to="/teacher">All sessions</Link>
          <a href={`/teacher/sessions/${view.session.id}/review`}>Review and exports</a>
        </p>
        <DatabaseBanner status={database} consequence="Changes you make now are not saved." />
        <ClosedNotice connection={connection} refusal={refusal} />
        <h1>{view.scenario.title}</h1>
        <p>
          <strong>Motion:</strong> {view.scenario.motion}
        </p>
        {ended ? <p className="banner warn">This session has ended. Students can no longer join.</p> : null}

        <div className="panel join-panel" style={{ display: "grid", gridTemplateColumns: "minmax(0,1fr) 9rem", gap: "1rem", alignItems: "center" }}>
          <div>
            <p className="muted" style={{ margin: 0 }}>
              Join code
            </p>
            <p className="join-code" style={{ fontSize: "2.5rem", margin: 0 }} aria-label={`Join code ${view.session.code.split("").join(" ")}`}>
              {view.session.code}
            </p>
            <p style={{ wordBreak: "break-all" }}>
              Students open <a href={data.joinUrl}>{data.joinUrl}</a>
            </p>
            <p className="actions">
              <a className="button secondary" href={`/projector/${view.session.id}`} target="_blank" rel="noreferrer">
                Open projector view<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            </p>
          </div>
          <div className="qr" role="img" aria-label={`QR code for ${data.joinUrl}`} dangerouslySetInnerHTML={{ __html: data.qrSvg }} />
        </div>

        <h2 id="students">
          Students <span className="muted">({view.participants.length} joined, {online} online, class size {view.session.capacity})</span>
        </h2>
        <p className="visually-hidden" aria-live="polite">
          {view.participants.length} students joined, {online} online.
        </p>
        <div className="actions" style={{ marginBottom: "1rem" }}>
          <button
            type="button"
            disabled={ended || view.session.sidesLocked}
            onClick={() =>
              run(async () => {
                const result = await send("lobby:autoBalance", {});
                if (result.ok) setTimeout(() => setMessage({ text: `Sides balanced: ${result.data.moved} moved.`, error: false }));
                return result;
              })
            }
          >
            Auto-balance sides
          </button>
          <button
            type="button"
            className="secondary"
            aria-pressed={view.session.sidesLocked}
            disabled={ended}
            onClick={() => run(() => send("lobby:lockSides", { locked: !view.session.sidesLocked }), view.session.sidesLocked ? "Sides unlocked." : "Sides locked.")}
          >
            {view.session.sidesLocked ? "Sides locked (unlock)" : "Lock sides"}
          </button>
          <button
            type="button"
            className="danger"
            disabled={ended}
            onClick={() => {
              if (window.confirm("End this session for everyone? Students will no longer be able to join.")) run(() => send("session:end", {}), "Session ended.");
            }}
          >
            End session
          </button>
          <Link className="button danger" to={`/teacher/sessions/${view.session.id}/delete`}>
            Delete session…
          </Link>
        </div>
        <p id="console-status" tabIndex={-1} role="status" className={message?.error ? "form-error" : "muted"} style={{ minHeight: "1.5em" }}>
          {message?.text}
        </p>
        <RoundControls view={view} send={send} run={run} offsetMs={offsetMs} disabled={ended} />
        <div className="side-by-side live-panels">
          <PollsPanel view={view} send={send} run={run} disabled={ended} />
          <QuizPanel view={view} send={send} run={run} offsetMs={offsetMs} disabled={ended} />
        </div>
        {debating ? (
          <>
            <ArgumentsPanel view={view} send={send} run={run} disabled={ended} />
            <ChallengesPanel view={view} send={send} run={run} disabled={ended} />
            {view.debate.scoreboard ? (
              <div className="panel">
                <Scoreboard board={view.debate.scoreboard} />
              </div>
            ) : null}
          </>
        ) : null}
        <DebateSettings view={view} send={send} run={run} disabled={ended} />
        <RejoinRequests
          requests={view.rejoinRequests}
          disabled={ended}
          onAnswer={(request, approve) =>
            approve
              ? run(() => send("lobby:approveRejoin", { requestId: request.id }), `${request.name} is back in their seat on the new device.`)
              : run(() => send("lobby:refuseRejoin", { requestId: request.id }), `${request.name}'s request to rejoin was refused.`)
          }
          focusAfterLast={focusStatus}
        />
        {view.participants.length === 0 ? <p className="muted">Waiting for students to join…</p> : null}
        <Roster
          view={view}
          disabled={ended}
          onMove={(participantId, sideId) => {
            const who = view.participants.find((p) => p.id === participantId)?.name;
            const where = view.scenario.sides.find((s) => s.id === sideId)?.name ?? "no side";
            run(async () => {
              const result = await send("lobby:moveParticipant", { participantId, sideId });
              if (result.ok) setFollow({ id: participantId, sideId });
              return result;
            }, `${who} moved to ${where}.`);
          }}
          onRename={async (participantId, name) => {
            const result = await send("lobby:renameParticipant", { participantId, name });
            if (!result.ok) return result.error.message;
            setMessage({ text: `Renamed to ${result.data.name}.`, error: false });
          }}
          onRemove={(participantId, name) => {
            if (window.confirm(`Remove ${name} from this session? They will not be able to rejoin with this seat.`))
              run(() => send("lobby:removeParticipant", { participantId }), `${name} was removed.`);
          }}
        />
      </main>
    </>
  );
}
