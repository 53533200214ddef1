/**
 * "Which card?" for the tabs that work on one card (Rilevazioni, Nuova scheda): a dropdown of the workbook's
 * cards plus "use the card selected in Excel". One place, so both tabs choose cards the same way.
 */
import { useState } from 'react';
import { Button, Dropdown, Field, makeStyles, Option } from '@fluentui/react-components';
import { schedaLabel, type Scheda } from '../../domain/scheda/types';
import { UI } from '../../domain/testi/ui';
import { schedaAtSelection, schedaKey } from '../model';
import type { TabProps } from './Panoramica';

const useStyles = makeStyles({ start: { alignSelf: 'flex-start' } });

/** the chosen card (the first until one is chosen) and how to choose it */
export function useSchedaChoice({ wb, port }: TabProps) {
  const [cardKey, setCardKey] = useState<string | null>(null);
  const scheda: Scheda | undefined = wb.schede.find((s) => schedaKey(s) === cardKey) ?? wb.schede[0];
  /** choose the card under Excel's selection; returns it (null when the selection is on no card) */
  const pickFromSelection = async (): Promise<Scheda | null> => {
    const sel = await wb.run(() => port.getSelection());
    if (!sel) return null;
    const s = schedaAtSelection(wb.schede, sel.sheet, sel.range);
    if (s) setCardKey(schedaKey(s));
    return s;
  };
  return { scheda, cardKey, setCardKey, pickFromSelection };
}

function optionText(s: Scheda): string {
  return `${schedaLabel(s)} (${s.sheet})`;
}

export function SchedaPicker({
  schede,
  scheda,
  onSelect,
  onUseSelection,
  testId,
}: {
  schede: Scheda[];
  scheda: Scheda;
  onSelect(key: string): void;
  onUseSelection(): void;
  testId: string;
}) {
  const styles = useStyles();
  return (
    <>
      <Field label={UI.rilevazioni.scheda}>
        <Dropdown
          value={optionText(scheda)}
          selectedOptions={[schedaKey(scheda)]}
          onOptionSelect={(_, d) => d.optionValue && onSelect(d.optionValue)}
          data-testid={testId}
        >
          {schede.map((s) => (
            <Option key={schedaKey(s)} value={schedaKey(s)} text={optionText(s)}>
              {optionText(s)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button appearance="subtle" size="small" className={styles.start} onClick={onUseSelection}>
        {UI.rilevazioni.usaSelezione}
      </Button>
    </>
  );
}
