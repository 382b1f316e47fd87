// Effects across concerns travel as events: a command says what happened, and the parts that care
// (the Getting Started walkthrough, the views, the remembered choices) listen. No command or helper
// calls into those parts itself.
import * as vscode from 'vscode';

/** A key signed for a distribution (or for a host no distribution of the profile serves). */
export interface SignedEvent {
  readonly what: 'url' | 'cookies';
  readonly publicKeyId: string;
  readonly distributionId: string | undefined;
  /** The host the viewer requests, when a distribution of the profile serves it. */
  readonly host: string | undefined;
  /** A key group that the serving behavior trusts holds the key: the behavior is restricted by it. */
  readonly trusted: boolean;
}

export class ExtensionEvents implements vscode.Disposable {
  /** A URL, a document's URLs or cookies were signed: once per key and distribution. */
  readonly didSign = new vscode.EventEmitter<SignedEvent>();
  /** Key pairs or key groups were created, imported, rotated or deleted (here or in CloudFront). */
  readonly didChangeKeys = new vscode.EventEmitter<void>();
  /** Cache behaviors now trust a key group with a key of this machine. */
  readonly didRestrictBehaviors = new vscode.EventEmitter<void>();
  /** A signed URL was diagnosed. */
  readonly didDiagnose = new vscode.EventEmitter<void>();
  /** The user chose an AWS profile ('' for the default chain). */
  readonly didChooseProfile = new vscode.EventEmitter<string>();

  dispose(): void {
    for (const emitter of [this.didSign, this.didChangeKeys, this.didRestrictBehaviors, this.didDiagnose, this.didChooseProfile]) emitter.dispose();
  }
}
