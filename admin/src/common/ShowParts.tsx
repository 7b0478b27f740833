// The pieces every show page (case, task, claim) is built of: the heading with its status chips
// beside it, and titled sections.
import type { ReactNode } from 'react';
import { Card, CardContent, Stack, Typography, type SxProps, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The page's h1 and the chips beside it, wrapping on a phone. */
export const ShowHeading = ({ testId, children, chips }: { testId: string; children: ReactNode; chips?: ReactNode }) => (
  <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 1 }}>
    <Typography variant="h5" component="h1" data-testid={testId}>
      {children}
    </Typography>
    {chips}
  </Stack>
);

/** An outlined card under a translated title. */
export const Section = ({ title, children, testId, sx = { mx: 2, mb: 2 } }: { title: string; children: ReactNode; testId?: string; sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={sx} data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};
