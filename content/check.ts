// `npm run content:check [-- --sources DIR] [--content DIR]`: validates every scenario pack
// (in content/, or another folder laid out the same way) and, given the directory of article
// texts, checks every quote is verbatim. Prints each valid pack's balance; exits 1 on any problem.
import { parseArgs } from "node:util";
import { findMisquotes, loadBundledContent, readSourceTexts } from "./load";
import { packSummary } from "./summary";

const { values } = parseArgs({ options: { sources: { type: "string" }, content: { type: "string" } } });
const content = await loadBundledContent(values.content);
const problems = [...content.problems];
if (values.sources) {
  const texts = await readSourceTexts(values.sources, content.sources);
  for (const { file, scenario } of content.scenarios) problems.push(...findMisquotes(file, scenario, content.sources, texts));
}
for (const { scenario } of content.scenarios) console.log(packSummary(scenario).join("\n"));
for (const p of problems) console.error(p);
const checked = `${content.scenarios.length} scenario(s)${values.sources ? `, quotes checked against ${values.sources}` : ""}`;
if (problems.length) {
  console.error(`\ncontent:check found ${problems.length} problem(s) in ${checked}`);
  process.exit(1);
}
console.log(`content:check ok: ${checked}`);
