/** Templates: insert a starter sheet of each kind with example rows, as a table Altitude recognises. */
import { Body1, Button } from "@fluentui/react-components";
import { SHEET_KINDS, insertTemplate } from "../../../app";
import type { SheetKind } from "../../../core/model";
import { ActionMessages, useAction } from "../../app/feedback";
import { useHost, useWorkbook } from "../../app/host";
import { TEMPLATE_KINDS } from "../../models/tables";
import { Section, useLayoutStyles } from "../common";

export function TemplatesSection() {
  const layout = useLayoutStyles();
  const { port, editor, asOf } = useHost();
  const { reload } = useWorkbook();
  const insert = useAction();

  const addTemplate = (kind: SheetKind) =>
    insert.run(async () => {
      const done = await insertTemplate(port, kind, asOf);
      if (done.sheet) await editor.select(done.sheet, "A1");
      await reload();
      return `Added the sheet "${done.sheet}" with example rows for ${done.quarter}.`;
    });

  return (
    <Section title="Templates">
      <Body1>Insert a ready sheet with example rows, as a table Altitude recognises.</Body1>
      <div className={layout.actions}>
        {TEMPLATE_KINDS.map((kind) => (
          <Button key={kind} onClick={() => void addTemplate(kind)} disabled={insert.busy}>
            {`Insert ${SHEET_KINDS[kind].label}`}
          </Button>
        ))}
      </div>
      <ActionMessages state={insert} />
    </Section>
  );
}
