/**
 * Captures the files the page downloads through an object URL and a link
 * click (jsdom neither creates object URLs nor navigates).
 */
export function captureDownloads() {
  const files: Array<{ name: string; blob: Blob }> = [];
  let last: Blob | undefined;
  (URL as any).createObjectURL = jest.fn((blob: Blob) => {
    last = blob;
    return 'blob:test';
  });
  (URL as any).revokeObjectURL = jest.fn();
  jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function click(this: HTMLAnchorElement) {
      files.push({ name: this.download, blob: last! });
    });
  return files;
}
