// Progress through the Getting Started walkthrough (package.json `contributes.walkthroughs`). VS Code
// checks a step off when its `onContext:` key turns true; the extension sets that key when the step
// really happened (a profile chosen, a key pair in the key store, a restricted behavior seen, a URL
// signed, a diagnosis run), not when its button was clicked, and remembers it in globalState so
// activation restores it without reading a secret or calling AWS.
// https://code.visualstudio.com/api/references/contribution-points#contributes.walkthroughs
import * as vscode from 'vscode';
import { configuredProfile, PROFILE_SETTING } from './aws/profileSetting';
import { EXTENSION_ID, WALKTHROUGH_ID, WalkthroughKeys, type WalkthroughStep } from './constants';
import type { ExtensionEvents } from './events';
import type { KeyStore } from './keys/keyStore';

export class WalkthroughProgress {
  /** The context keys this instance set, for tests (VS Code has no API to read a context key). */
  readonly contextSet = new Set<string>();

  constructor(private readonly memory: vscode.Memento) {}

  isDone(step: WalkthroughStep): boolean {
    return this.memory.get<boolean>(WalkthroughKeys[step]) === true;
  }

  /** At activation: the steps done in earlier sessions, from globalState only. */
  restore(): void {
    for (const step of Object.keys(WalkthroughKeys) as WalkthroughStep[]) {
      if (this.isDone(step)) this.setContext(step, true);
    }
  }

  /** The step happened: check it off now and in later sessions. */
  reached(step: WalkthroughStep): void {
    if (!this.isDone(step)) {
      void this.memory.update(WalkthroughKeys[step], true);
      // VS Code checks a step off on a change of its context key only while its walkthrough service
      // is running; a key that is already true when that service starts (it starts lazily) is missed.
      // So the first time a step happens it is also marked complete directly.
      void Promise.resolve(vscode.commands.executeCommand('welcome.markStepComplete', `${EXTENSION_ID}#${WALKTHROUGH_ID}#${step}`)).catch(() => undefined);
    }
    if (!this.contextSet.has(WalkthroughKeys[step])) this.setContext(step, true);
  }

  /**
   * Checks steps off as they happen, from the events the commands fire and the key store: a key that
   * CloudFront knows, a behavior restricted, a URL signed (with a key the behavior trusts), a
   * diagnosis, a profile chosen, or the credentials in use (a profile or the SDK's default chain)
   * answered by AWS: then there is nothing left to choose.
   */
  follow(events: ExtensionEvents, keyStore: KeyStore, accountReached: vscode.Event<void>): vscode.Disposable {
    const checkKeys = () => {
      if (keyStore.list().some((key) => key.publicKeyId)) this.reached('keyPairCreated');
    };
    checkKeys();
    return vscode.Disposable.from(
      keyStore.onDidChange(checkKeys),
      events.didRestrictBehaviors.event(() => this.reached('behaviorRestricted')),
      events.didSign.event((signed) => {
        if (signed.what === 'url') this.reached('urlSigned');
        if (signed.trusted) this.reached('behaviorRestricted');
      }),
      events.didDiagnose.event(() => this.reached('urlDiagnosed')),
      events.didChooseProfile.event(() => this.reached('profileChosen')),
      accountReached(() => this.reached('profileChosen')),
    );
  }

  /** Forgets every step (tests start the walkthrough over with it). */
  async reset(): Promise<void> {
    for (const step of Object.keys(WalkthroughKeys) as WalkthroughStep[]) {
      await this.memory.update(WalkthroughKeys[step], undefined);
      this.setContext(step, false);
    }
    this.contextSet.clear();
  }

  private setContext(step: WalkthroughStep, value: boolean): void {
    if (value) this.contextSet.add(WalkthroughKeys[step]);
    void vscode.commands.executeCommand('setContext', WalkthroughKeys[step], value);
  }
}

/**
 * Activation's part: restores the steps of earlier sessions and checks off "choose a profile" once
 * the `cloudfront.profile` user setting names one (however it got there). Reads settings and
 * globalState only.
 */
export function restoreWalkthrough(memory: vscode.Memento): vscode.Disposable {
  const progress = new WalkthroughProgress(memory);
  progress.restore();
  const checkProfile = () => {
    if (configuredProfile()) progress.reached('profileChosen');
  };
  checkProfile();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(PROFILE_SETTING)) checkProfile();
  });
}
