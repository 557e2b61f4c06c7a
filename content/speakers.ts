// Who a card's words belong to. Browser-safe: the schema, the upgrader of stored versions and the
// card on screen share the one rule.

/** The speaker of a card in the writer's own words: "the article", perhaps with a note in brackets. */
export const ARTICLE_SPEAKER = "the article";
export const isArticleSpeaker = (speaker: string) => /^the article\b/i.test(speaker.trim());
