import type {
  ExportFormatName,
  StandardFileContent,
} from '@datamesh-backstage/plugin-data-mesh-common';

/** The name of an export's download: `<product>-<format>.zip`. */
export function exportFileName(
  productName: string,
  format: ExportFormatName,
): string {
  return `${productName}-${format}.zip`;
}

/**
 * Downloads an export's files as one zip archive that keeps their paths, so
 * that references between them (a DPDS descriptor's contracts) still hold.
 * The zip library loads on first use.
 */
export async function downloadZip(name: string, files: StandardFileContent[]) {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const file of files) {
    zip.file(file.path, file.content);
  }
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], { type: 'application/zip' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
