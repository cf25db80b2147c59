package org.outreachcrm.reports;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScheduleRepository extends JpaRepository<ReportSchedule, Long> {

}
