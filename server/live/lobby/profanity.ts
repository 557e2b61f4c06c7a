// The one profanity check, for students' names now and word clouds later. Built on obscenity's
// English list and transformers, which see through l33t spelling, repeats and added symbols.
import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers } from "obscenity";

// Real names the list would otherwise catch (its own list already spares "Dickens").
const names = new DataSet<{ originalWord: string }>()
  .addAll(englishDataset)
  .addPhrase((phrase) => phrase.setMetadata({ originalWord: "names" }).addWhitelistedTerm("dickson").addWhitelistedTerm("dickinson"));

const matcher = new RegExpMatcher({ ...names.build(), ...englishRecommendedTransformers });

export function containsProfanity(text: string): boolean {
  return matcher.hasMatch(text);
}
