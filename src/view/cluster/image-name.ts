// Image references as the cards show them.
/**
 * An image reference as a card shows it: without its registry and repository path (`node-api:1.0.1` for
 * `asia.gcr.io/rollout-lab/node-api:1.0.1`; each of a comma-separated list), so the tag, the part that tells revisions apart, survives when the
 * card is narrow. The full reference stays in the card's tooltip and accessible name.
 */
export function shortImage(image: string): string {
  // Several containers: each image shortened, in order.
  return image
    .split(',')
    .map((one) => {
      const i = one.lastIndexOf('/');
      return i >= 0 && i < one.length - 1 ? one.slice(i + 1) : one;
    })
    .join(',');
}
