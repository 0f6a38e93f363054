/**
 * jsdom's FormData and File are not the ones Node's fetch can serialise (it would send
 * "[object FormData]"): a test that uploads a file swaps in Node's own for its file, as the browser
 * uses its own. Call at the top level of the test file.
 */
export function withNodeUploads(): void {
  const jsdomGlobals = { FormData: globalThis.FormData, File: globalThis.File };
  beforeAll(async () => {
    const nodeForm = await new Response('a=1', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }).formData();
    globalThis.FormData = nodeForm.constructor as typeof FormData;
    globalThis.File = (await import('node:buffer')).File as unknown as typeof File;
  });
  afterAll(() => {
    globalThis.FormData = jsdomGlobals.FormData;
    globalThis.File = jsdomGlobals.File;
  });
}
