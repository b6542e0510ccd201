import type { StandardFileContent } from '@datamesh-backstage/plugin-data-mesh-common';

/** The name a file downloads as: the last part of its path. */
export function downloadName(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? path;
}

/**
 * Downloads each file as its own file (YAML or JSON text), through an object
 * URL and a link click, one after the other.
 */
export function downloadFiles(files: StandardFileContent[]) {
  for (const file of files) {
    const url = URL.createObjectURL(
      new Blob([file.content], {
        type: file.path.endsWith('.json')
          ? 'application/json;charset=utf-8'
          : 'application/yaml;charset=utf-8',
      }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = downloadName(file.path);
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }
}
