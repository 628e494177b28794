/**
 * Port: the active risk-parameter document (MODEL.md §8 form) of the deployment. Runs use it
 * unless a request carries its own. Throws `NoActiveParamsError` when none was loaded.
 */
import { MarginfallError } from '../errors.js';

export interface ParamsSource {
  /** The raw document and its text as stored (its SHA-256 identifies the version used). */
  readActiveParams(): Promise<{ readonly text: string; readonly document: unknown }>;
}

export class NoActiveParamsError extends MarginfallError {
  override readonly name = 'NoActiveParamsError';
  constructor() {
    super('no active risk parameters are loaded (marginfall load --params FILE)');
  }
}
