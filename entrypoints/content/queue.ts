/**
 * A first-in, first-out queue whose `shift` takes constant time. `Array#shift` moves every
 * element once V8 cannot trim the array in place (a large array, or while the collector
 * marks), and the scanner's queue of walks holds one per open shadow root: on a page of 30,000
 * roots those moves alone took 0.3 s of the scan.
 */
export class Queue<T> implements Iterable<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  /** The next item, left in the queue. */
  get first(): T | undefined {
    return this.items[this.head];
  }

  /** Puts `item` in the place of the next item. */
  replaceFirst(item: T) {
    if (this.head < this.items.length) this.items[this.head] = item;
  }

  push(item: T) {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    // Let the item go, and drop the spent half of the array now and then.
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) this.clear();
    else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  clear() {
    this.items = [];
    this.head = 0;
  }

  /** Keeps, in order, only the items that pass `test`. */
  retain(test: (item: T) => boolean) {
    const kept: T[] = [];
    for (const item of this) if (test(item)) kept.push(item);
    this.items = kept;
    this.head = 0;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
  }
}
