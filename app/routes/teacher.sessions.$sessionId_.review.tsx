import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useReaderZone } from "~/components/LocalTime";
import { QuizAnalysis } from "~/components/QuizAnalysis";
import { ReviewHeader } from "~/components/ReviewHeader";
import { ReviewPolls } from "~/components/ReviewPolls";
import { ReviewRound } from "~/components/ReviewRound";
import { StandingsLedger } from "~/components/StandingsLedger";
import { TopBar } from "~/components/TopBar";
import { orNotFound } from "~/lib/live.server";
import { sessionIdParam } from "~/lib/params.server";
import { useDetailsOpenForPrint } from "~/lib/print";
import { requireTeacher } from "~/lib/teacher.server";
import reviewStyles from "~/review.css?url";
import { reviewPage } from "../../server/live/review/page";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reviewStyles }];

// Students' names, words and scores: never kept by a shared computer's or a proxy's cache (the
// exports say the same). Remix sends a route's `headers` with the page and with its data.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Review: ${data.review.scenario.title} (${data.review.session.code}) · Rostrum` : "Review · Rostrum" },
];

/**
 * The session's record from the database alone: no socket, so a reload is the refresh. What the
 * page shows only: every answer and vote stays in the exports.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  const anonymous = new URL(request.url).searchParams.get("names") === "anonymous";
  const review = await orNotFound(context.live.sessionReview(teacher.id, sessionIdParam(params), { anonymous }));
  return { teacher: { name: teacher.name }, review: reviewPage(review), loadedAt: Date.now() };
}

export default function SessionReviewPage() {
  const { teacher, review, loadedAt } = useLoaderData<typeof loader>();
  const zone = useReaderZone();
  useDetailsOpenForPrint();
  return (
    <>
      <div className="no-print">
        <TopBar teacher={teacher} />
      </div>
      <main id="main" className="page review">
        <ReviewHeader review={review} zone={zone} loadedAt={loadedAt} />
        <section aria-labelledby="rounds-heading" className="review-section">
          <h2 id="rounds-heading">Rounds ({review.rounds.length})</h2>
          {review.rounds.length === 0 ? <p className="muted">No round was run.</p> : null}
          <ol className="review-rounds">
            {review.rounds.map((round) => (
              <ReviewRound key={round.id} round={round} review={review} zone={zone} />
            ))}
          </ol>
        </section>
        <ReviewPolls review={review} zone={zone} />
        <QuizAnalysis items={review.quiz} anonymous={review.anonymous} />
        <StandingsLedger review={review} />
      </main>
    </>
  );
}
