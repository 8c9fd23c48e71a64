/** What each factor added to a candidate's score, in the matching engine's points (negative: took away). */
export interface ScoreFactor {
  factor: string;
  contribution: number;
}

/**
 * The factors that raise a candidate's score, each with its share of what they add together (the bars),
 * and the factors that lower it.
 */
export function explainScore(factors: readonly ScoreFactor[]): {
  raising: { factor: string; share: number }[];
  lowering: string[];
} {
  const positive = factors.filter((factor) => factor.contribution > 0);
  const total = positive.reduce((sum, factor) => sum + factor.contribution, 0);
  return {
    raising: positive
      .map((factor) => ({ factor: factor.factor, share: factor.contribution / total }))
      .sort((a, b) => b.share - a.share),
    lowering: factors.filter((factor) => factor.contribution < 0).map((factor) => factor.factor),
  };
}
