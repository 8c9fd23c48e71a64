import { describe, expect, it } from 'vitest';
import { explainScore } from './candidate-scores';

describe('explainScore', () => {
  it('gives each raising factor its share of what they add, largest first, and names the lowering ones', () => {
    expect(
      explainScore([
        { factor: 'distance', contribution: -0.4 },
        { factor: 'shared_themes', contribution: 1.5 },
        { factor: 'languages', contribution: 0.5 },
        { factor: 'activity', contribution: 0 },
        { factor: 'similar_size', contribution: -0.1 },
      ]),
    ).toEqual({
      raising: [
        { factor: 'shared_themes', share: 0.75 },
        { factor: 'languages', share: 0.25 },
      ],
      lowering: ['distance', 'similar_size'],
    });
  });

  it('has no bars when nothing raises the score', () => {
    expect(explainScore([{ factor: 'distance', contribution: -1 }])).toEqual({
      raising: [],
      lowering: ['distance'],
    });
  });
});
