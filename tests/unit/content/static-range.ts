/**
 * happy-dom has no StaticRange; the scanner only stores what it is given. Imported for its
 * effect by the tests that run the scanner.
 */
if (typeof globalThis.StaticRange === 'undefined') {
  globalThis.StaticRange = class {
    readonly startContainer: Node;
    readonly startOffset: number;
    readonly endContainer: Node;
    readonly endOffset: number;
    readonly collapsed = false;
    constructor(init: StaticRangeInit) {
      this.startContainer = init.startContainer;
      this.startOffset = init.startOffset;
      this.endContainer = init.endContainer;
      this.endOffset = init.endOffset;
    }
  };
}
