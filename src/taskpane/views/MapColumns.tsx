/**
 * Map: how a sheet is read, described by the person where recognition is
 * unsure or wrong: its kind, header row(s), the column of each field (the name
 * first), heading rows, form cells and period columns. It starts from the saved
 * mapping or recognition's guess (asking about what it is unsure of), previews
 * the first records, and saves the mapping in the workbook for every door.
 */
import { useState } from "react";
import { Body1, Button, Caption1, Field, Select } from "@fluentui/react-components";
import type { SheetData } from "../../core/model";
import { NAME_FIELD } from "../../app";
import { useNavigation } from "../app/navigation";
import { ActionMessages } from "../app/feedback";
import { useWorkbook } from "../app/host";
import { Section, useLayoutStyles } from "./common";
import { Doubts } from "./map/Doubts";
import { FieldColumns } from "./map/FieldColumns";
import { FormCells } from "./map/FormCells";
import { HeadingRows } from "./map/HeadingRows";
import { KindAndHeader } from "./map/KindAndHeader";
import { PeriodColumns } from "./map/PeriodColumns";
import { Preview } from "./map/Preview";
import { useMappingDraft } from "./map/draft";

export function MapColumns() {
  const { loaded } = useWorkbook();
  const navigation = useNavigation();
  const names = loaded?.sheets.map((s) => s.name) ?? [];
  const unsure = loaded?.parsed.sheets.find((s) => (s.doubts?.length ?? 0) > 0)?.name;
  const [chosen, setChosen] = useState<string | undefined>(navigation.sheet);
  const sheetName = chosen && names.includes(chosen) ? chosen : (unsure ?? loaded?.parsed.unrecognised[0] ?? names[0]);
  const sheet = loaded?.sheets.find((s) => s.name === sheetName);
  if (!loaded) return null;
  if (!sheet) return <Body1>The workbook has no sheets to map.</Body1>;
  return (
    <Section title="Map columns">
      <Field label="Sheet">
        <Select value={sheet.name} onChange={(_, data) => setChosen(data.value)}>
          {names.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </Select>
      </Field>
      <MappingForm key={sheet.name} sheet={sheet} />
    </Section>
  );
}

function MappingForm({ sheet }: { sheet: SheetData }) {
  const layout = useLayoutStyles();
  const { loaded } = useWorkbook();
  const draft = useMappingDraft(sheet);
  const { start, mapping, action } = draft;
  if (!loaded) return null;
  return (
    <>
      <Caption1>{start.source === "saved" ? "A saved mapping is used for this sheet." : start.source === "guess" ? "Filled in with how Altitude reads this sheet now." : "Not recognised yet."}</Caption1>
      <Doubts sheet={sheet.name} doubts={start.doubts} complete={start.complete} sections={start.sections} onHeaderRow={draft.setHeaderRow} onNameColumn={(col) => draft.setColumn(NAME_FIELD[mapping.kind], col)} />
      <KindAndHeader draft={draft} />
      <FieldColumns sheet={sheet} draft={draft} />
      <HeadingRows draft={draft} />
      <FormCells sheet={sheet} draft={draft} />
      <PeriodColumns sheet={sheet} draft={draft} />
      <Preview sheet={sheet} mapping={mapping} settings={loaded.settings} />
      <div className={layout.actions}>
        <Button appearance="primary" onClick={() => void draft.save()} disabled={action.busy}>
          Save mapping
        </Button>
        {start.source === "saved" && <Button onClick={() => void draft.forget()} disabled={action.busy}>Forget mapping</Button>}
      </div>
      <ActionMessages state={action} />
    </>
  );
}
