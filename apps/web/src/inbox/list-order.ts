/**
 * The order of the case list the agent last looked at, so the case screen can step to the next or
 * previous case without going back to the inbox.
 */
let order: number[] = [];
let source = '/inbox/mine';

export function rememberListOrder(numbers: number[], from: string): void {
  order = numbers;
  source = from;
}

export function neighbour(number: number, step: 1 | -1): number | undefined {
  const i = order.indexOf(number);
  return i < 0 ? undefined : order[i + step];
}

export const listSource = () => source;
