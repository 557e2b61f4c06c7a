// The teacher's review page's data: the review without every answer and vote, which the page
// does not show and which would make its loader data many megabytes for a large class.
import type { ReviewPage, SessionReview } from "./types";

export function reviewPage(review: SessionReview): ReviewPage {
  const { answers, votes, ...page } = review;
  return page;
}
