# Navigation
nav-programs-and-enrolments = Programs and enrolments
nav-bank-and-tax-profile = Bank and tax profile
nav-incentive-reports = Incentive reports
