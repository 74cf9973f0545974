from datetime import date, datetime, timedelta, time, timezone
import calendar

d = date(2024, 2, 28)
print(d, d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isoformat())
print(d.strftime("%A %d %B %Y"), d.strftime("%j %U %a %b"), d.replace(year=2023).isocalendar())
dt = datetime(2024, 3, 15, 14, 30, 5, 123456)
print(dt, dt.isoformat(), dt.strftime("%Y-%m-%d %H:%M:%S.%f %p %I"), dt.date(), dt.time())
print(repr(dt), repr(d), repr(timedelta(days=1, hours=3, minutes=2)))
delta = datetime(2024, 12, 25) - datetime(2024, 3, 15, 12)
print(delta, delta.days, delta.seconds, delta.total_seconds(), str(timedelta(seconds=-1)))
print(timedelta(hours=36) // timedelta(hours=1), timedelta(weeks=1) / 7, abs(timedelta(days=-2)))
parsed = datetime.strptime("2023-07-04 09:05", "%Y-%m-%d %H:%M")
print(parsed, parsed.year, parsed.minute, datetime.fromisoformat("2021-05-06T07:08:09"))
aware = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
est = timezone(timedelta(hours=-5), "EST")
print(aware, aware.astimezone(est), aware.astimezone(est).tzname(), aware.utcoffset())
print(aware.timestamp(), datetime.fromtimestamp(0, tz=timezone.utc), date.fromordinal(738000))
print(
    calendar.isleap(2024),
    calendar.monthrange(2024, 2),
    calendar.day_name[0],
    calendar.month_abbr[12],
)
print(calendar.month(2024, 2))
start = date(2024, 1, 29)
for i in range(5):
    day = start + timedelta(weeks=i)
    print(day.strftime("%d %b"), day.month, (day - start).days)
print(time(9, 30) < time(10), time(23, 59, 59).isoformat(), max(d, date(2020, 1, 1)))
print(sorted([date(2024, 5, 1), date(2023, 12, 31), date(2024, 1, 15)]))
ages = {"ann": date(1990, 6, 15), "bo": date(2000, 2, 29)}
today = date(2024, 6, 14)
for name, born in ages.items():
    years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    print(name, years)
print(date.min, date.max, timedelta.max, datetime(2024, 1, 1).toordinal())
