import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { UI } from '../domain/testi/ui';
import { describeError } from './errors';

export { describeError };

export function ErrorBar({ error, onDismiss }: { error: unknown; onDismiss(): void }) {
  if (!error) return null;
  const { message, todo } = describeError(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{UI.errori.titolo}</MessageBarTitle>
        {message} {todo}
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
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
