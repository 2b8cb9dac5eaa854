/**
 * Tables: convert a recognised range into an Excel table with live computed
 * columns, colours and drop-downs (the user's own cells stay as they are), or
 * insert a starter sheet with example rows.
 */
import { useWorkbook } from "../app/host";
import { ConvertSection } from "./tables/ConvertSection";
import { TemplatesSection } from "./tables/TemplatesSection";

export function Tables() {
  const { loaded } = useWorkbook();
  if (!loaded) return null;
  return (
    <>
      <ConvertSection loaded={loaded} />
      <TemplatesSection />
    </>
  );
}
