// Places in a list already sorted best first: equal scores share a place and the next place
// skips (1, 2, 2, 4), as leaderboards and standings both count them. Pure and browser-safe.
export function competitionRanks<T>(sorted: readonly T[], score: (item: T) => number): number[] {
  let rank = 0;
  return sorted.map((item, i) => {
    if (i === 0 || score(item) !== score(sorted[i - 1])) rank = i + 1;
    return rank;
  });
}
