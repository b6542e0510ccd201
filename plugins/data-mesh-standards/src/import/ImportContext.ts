import { SourceTracker } from '../loss/SourceTracker';
import type { ParsedFile } from '../parse/parseStandardFile';
import type { DetectedStandard, LossReportEntry, StandardFile } from '../types';
import type { ContractParts } from './contractParts';
import { convertedContractFile } from './contractFile';
import { convertDcsToOdcs } from './fromDcs';
import { readOdcsContract } from './fromOdcs';

/** A given file, read and detected. */
export interface InputFile {
  file: StandardFile;
  parsed: ParsedFile;
  standard: DetectedStandard | undefined;
}

/** A contract of the product: an ODCS file, or one converted from DCS. */
export interface ContractEntry {
  /** Path of the ODCS file in the result. */
  path: string;
  /** The ODCS file of the result: the given file, or the converted one (written when read). */
  file: StandardFile;
  parts: ContractParts;
  source: InputFile;
  /** Losses of reading it (and of converting it from DCS). */
  losses: LossReportEntry[];
}

/** The files of one import, and the contracts among them by id and by path. */
export class ImportContext {
  private readonly contracts = new Map<InputFile, ContractEntry>();
  private readonly referenced = new Set<InputFile>();

  constructor(readonly files: InputFile[]) {}

  /** The contract in `input`, read once. */
  contractOf(input: InputFile): ContractEntry | undefined {
    const known = this.contracts.get(input);
    if (known) return known;
    const format = input.standard?.format;
    if (format !== 'odcs' && format !== 'dcs') return undefined;
    let entry: ContractEntry;
    if (format === 'odcs') {
      const tracker = new SourceTracker(input.file.path, input.parsed.data, '');
      const parts = readOdcsContract(tracker);
      entry = {
        path: input.file.path,
        file: { path: input.file.path, content: input.file.content },
        parts,
        source: input,
        losses: tracker.explicitLosses(),
      };
    } else {
      const converted = convertDcsToOdcs(input.file.path, input.parsed.data);
      const path = `${input.file.path.replace(
        /(\.datacontract|\.dcs)?\.(ya?ml|json)$/i,
        '',
      )}.odcs.yaml`;
      // The converted contract is read as it is, in memory; reading it
      // reports paths of the ODCS file.
      const tracker = new SourceTracker(path, converted.odcs, '');
      const parts = readOdcsContract(tracker);
      entry = {
        path,
        file: convertedContractFile(path, converted.odcs),
        parts,
        source: input,
        losses: [...converted.lossReport, ...tracker.explicitLosses()],
      };
    }
    this.contracts.set(input, entry);
    return entry;
  }

  /** The contract whose `id` is `id`, marked as referenced. */
  contractById(id: string): ContractEntry | undefined {
    for (const input of this.files) {
      const entry = this.contractOf(input);
      if (entry && entry.parts.id === id) {
        this.referenced.add(input);
        return entry;
      }
    }
    return undefined;
  }

  /** The contract in `input`, marked as referenced. */
  reference(input: InputFile): ContractEntry | undefined {
    const entry = this.contractOf(input);
    if (entry) this.referenced.add(input);
    return entry;
  }

  /** Files nothing referenced, other than `main`. */
  unreferenced(main: InputFile, alsoUsed: Set<InputFile>): InputFile[] {
    return this.files.filter(
      f => f !== main && !this.referenced.has(f) && !alsoUsed.has(f),
    );
  }

  /** The referenced contracts, in the order of the given files. */
  referencedContracts(): ContractEntry[] {
    return this.files
      .filter(f => this.referenced.has(f))
      .map(f => this.contracts.get(f)!)
      .filter(Boolean);
  }
}
