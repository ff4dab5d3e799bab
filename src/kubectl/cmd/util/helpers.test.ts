import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../engine/apiserver/errors.ts';
import { Aggregate, GoError, checkErr } from './helpers.ts';

// What cmdutil.checkErr prints: StandardErrorMessage for API statuses (with or without a reason) and
// MultipleErrors (no prefix) for an aggregate.
describe('checkErr (kubectl cmdutil)', () => {
  it.each([
    [new GoError('something went wrong'), 'error: something went wrong\n'],
    [
      new ApiError('NotFound', 404, 'pods "x" not found'),
      'Error from server (NotFound): pods "x" not found\n',
    ],
    // A status without a reason (e.g. an internal error of the eviction subresource).
    [
      new ApiError(
        '',
        500,
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
      ),
      'Error from server: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.\n',
    ],
    [
      new Aggregate([new ApiError('NotFound', 404, 'pods "a" not found'), new GoError('b')]),
      'Error from server (NotFound): pods "a" not found\nb\n',
    ],
  ])('%#', (err, want) => {
    expect(checkErr(err)).toBe(want);
  });
});
