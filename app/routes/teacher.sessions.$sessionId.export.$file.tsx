// A session's review as a download (README.md "Exports"): the session's teacher only; anyone
// else's session, or a file name not on the list, is a 404. `?names=anonymous` writes labels
// ("Student 1", …) instead of names.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { orNotFound } from "~/lib/live.server";
import { sessionIdParam } from "~/lib/params.server";
import { requireTeacher } from "~/lib/teacher.server";
import { exportFile, isExportFile } from "../../server/live/review/exports";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request, context);
  const sessionId = sessionIdParam(params);
  const file = params.file;
  if (!isExportFile(file)) throw new Response("There is no such export.", { status: 404 });
  const anonymous = new URL(request.url).searchParams.get("names") === "anonymous";
  const review = await orNotFound(context.live.sessionReview(teacher.id, sessionId, { anonymous }));
  const { body, contentType } = exportFile(review, file);
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="rostrum-${review.session.code}-${file}"`,
      // Students' names, words and scores: never kept by a shared computer's or a proxy's cache.
      "Cache-Control": "no-store",
    },
  });
}
