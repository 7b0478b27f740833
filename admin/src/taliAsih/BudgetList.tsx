// Allocations of the caller's provinsi per period and funding source (GET /api/tali-asih/budgets):
// what is reserved by approved claims, paid, and still available. Only the provinsi supervisor
// changes them; kabupaten supervisors and auditors read.
import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, EditButton, List, TextInput, TopToolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { RupiahField } from '../fields/RupiahField';
import { VocabularyField } from '../fields/VocabularyField';
import type { BudgetRecord } from '../types';
import { canManageBudgets } from './roles';

const Column = DataTable.Col<BudgetRecord>;

export { canManageBudgets };

/** Red when nothing is left: claims approved now wait in awaiting_budget. */
const Available = () => {
  const budget = useRecordContext<BudgetRecord>();
  if (!budget) return null;
  return (
    <Box component="span" sx={{ color: budget.available > 0 ? 'inherit' : 'error.main', fontWeight: budget.available > 0 ? undefined : 600 }}>
      <RupiahField source="available" />
    </Box>
  );
};

export const BudgetList = () => {
  const { permissions: role } = usePermissions<string | null>();
  const translate = useTranslate();
  const manage = canManageBudgets(role);
  return (
    <List<BudgetRecord>
      sort={{ field: 'period', order: 'DESC' }}
      filters={[<TextInput key="period" source="period" type="month" alwaysOn helperText={false} InputLabelProps={{ shrink: true }} />]}
      actions={<TopToolbar>{manage && <CreateButton />}</TopToolbar>}
      exporter={false}
      pagination={false}
      empty={false}
    >
      <DataTable<BudgetRecord> bulkActionButtons={false} rowClick={false} empty={<Box sx={{ p: 2 }}>{translate('kesos.budgets.empty')}</Box>}>
        <Column source="period" disableSort />
        <Column source="fundingSource" disableSort>
          <VocabularyField source="fundingSource" prefix="kesos.funding_source" />
        </Column>
        <Column source="allocated" align="right" disableSort>
          <RupiahField source="allocated" />
        </Column>
        <Column source="reserved" align="right" disableSort>
          <RupiahField source="reserved" />
        </Column>
        <Column source="paid" align="right" disableSort>
          <RupiahField source="paid" />
        </Column>
        <Column source="available" align="right" disableSort>
          <Available />
        </Column>
        {manage ? (
          <Column source="actions" label="" disableSort>
            <EditButton />
          </Column>
        ) : null}
      </DataTable>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', p: 1 }}>
        {translate('kesos.budgets.explain')}
      </Typography>
    </List>
  );
};
