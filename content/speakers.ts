// Who a card's words belong to. Browser-safe: the schema, the upgrader of stored versions and the
// card on screen share the one rule.

/** The speaker of a card in the writer's own words: "the article", perhaps with a note in brackets. */
export const ARTICLE_SPEAKER = "the article";
export const isArticleSpeaker = (speaker: string) => /^the article\b/i.test(speaker.trim());

/**
 * A card in the article's own words: its speaker is "the article", or names the article's author.
 * (Not its outlet: "the US government, as the Khmer Times reports" is the government's claim.)
 */
export const isOwnWords = (speaker: string, source: { author: string | null }) =>
  isArticleSpeaker(speaker) || (source.author !== null && speaker.includes(source.author));
