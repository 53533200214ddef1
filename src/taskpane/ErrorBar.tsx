import { useEffect, useRef } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { UI } from '../domain/testi/ui';
import { describeError } from './errors';

export { describeError };

export function ErrorBar({ error, onDismiss }: { error: unknown; onDismiss(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  // the bar sits at the top of the pane: bring it into view when the failed button was further down
  useEffect(() => {
    if (error) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  const { message, todo, intatta } = describeError(error);
  return (
    <MessageBar ref={ref} intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{UI.errori.titolo}</MessageBarTitle>
        {message} {intatta ? `${UI.errori.nessunaModifica} ` : ''}
        {todo}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label={UI.chiudi} icon={<Dismiss16Regular />} onClick={onDismiss} />
        }
      />
    </MessageBar>
  );
}

export function Notice({ intent, children }: { intent: 'success' | 'info' | 'warning' | 'error'; children: React.ReactNode }) {
  return (
    // no MessageBarTitle here: drop the aria-labelledby that MessageBar points at its (absent) title
    <MessageBar intent={intent} layout="multiline" aria-labelledby={undefined}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
